package dev.zoclone.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zoclone.cli.CliFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EveryPhraseTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "every 15 minutes | FREQ=MINUTELY;INTERVAL=15",
        "every minute | FREQ=MINUTELY",
        "every hour | FREQ=HOURLY",
        "Every 2 Hours | FREQ=HOURLY;INTERVAL=2",
        "every 3 days | FREQ=DAILY;INTERVAL=3",
        "daily at 17:30 | FREQ=DAILY;BYHOUR=17;BYMINUTE=30;BYSECOND=0",
        "every day at 7am | FREQ=DAILY;BYHOUR=7;BYMINUTE=0;BYSECOND=0",
        "daily at 12am | FREQ=DAILY;BYHOUR=0;BYMINUTE=0;BYSECOND=0",
        "daily at 12:15pm | FREQ=DAILY;BYHOUR=12;BYMINUTE=15;BYSECOND=0",
        "weekday at 9 | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "every weekday at 5:45pm | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=17;BYMINUTE=45;BYSECOND=0",
        "every monday at 8 | FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=0;BYSECOND=0",
        "every mon,thu at 18:00 | FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=18;BYMINUTE=0;BYSECOND=0",
        "every tuesday and saturday at 6 | FREQ=WEEKLY;BYDAY=TU,SA;BYHOUR=6;BYMINUTE=0;BYSECOND=0",
        "sundays at 10 | FREQ=WEEKLY;BYDAY=SU;BYHOUR=10;BYMINUTE=0;BYSECOND=0",
        "monthly on the last friday at 17:00 | FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=0;BYSECOND=0",
        "monthly on the first monday at 9 | FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "monthly on the 2nd wednesday at 9 | FREQ=MONTHLY;BYDAY=2WE;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "monthly on day 15 at 9am | FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
        "monthly on the 1st at 0:05 | FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=0;BYMINUTE=5;BYSECOND=0"
      })
  void aPhraseMapsToItsRule(String phrase, String rule) {
    assertThat(EveryPhrase.toRrule(phrase)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "sometimes",
        "every 0 minutes",
        "daily at 25",
        "daily at 9:60",
        "daily at 13pm",
        "monthly on day 32 at 9",
        "every funday at 8",
        "weekday"
      })
  void anUnknownPhraseIsAUsageErrorListingExamples(String phrase) {
    assertThatThrownBy(() -> EveryPhrase.toRrule(phrase))
        .isInstanceOfSatisfying(CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(2))
        .hasMessageContaining("cannot read --every '" + phrase + "'")
        .hasMessageContaining("weekday at 9")
        .hasMessageContaining("--rrule");
  }
}
