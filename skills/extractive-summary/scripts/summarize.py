"""An extractive summary of a text by word-frequency sentence scoring; JSON in, JSON out."""
import json
import re
import sys
from collections import Counter

STOP_WORDS = set("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves one two may might
must shall many much every its it's
""".split())

SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(\[])")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def sentences_of(text):
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    result = []
    for paragraph in paragraphs:
        flat = re.sub(r"\s+", " ", paragraph)
        result.extend(s.strip() for s in SENTENCE_END.split(flat) if s.strip())
    return result


def content_words(sentence):
    return [w.lower() for w in WORD.findall(sentence) if w.lower() not in STOP_WORDS]


def main():
    request = json.load(sys.stdin)
    text = request.get("text")
    if not isinstance(text, str) or not text.strip():
        sys.exit("input.text must be a non-empty text")
    wanted = max(1, int(request.get("sentences", 3)))
    sentences = sentences_of(text)
    frequencies = Counter(w for s in sentences for w in content_words(s))
    top = max(frequencies.values()) if frequencies else 1
    scored = []
    for index, sentence in enumerate(sentences):
        words = content_words(sentence)
        if not words:
            score = 0.0
        else:
            score = sum(frequencies[w] / top for w in words) / (len(words) ** 0.5)
        if index == 0:
            score *= 1.2
        scored.append((score, index, sentence))
    chosen = sorted(sorted(scored, key=lambda item: (-item[0], item[1]))[:wanted],
                    key=lambda item: item[1])
    print(json.dumps({
        "summary": " ".join(s for _, _, s in chosen),
        "sentences": [{"index": i, "text": s, "score": round(sc, 4)} for sc, i, s in chosen],
        "keywords": [w for w, _ in frequencies.most_common(int(request.get("keywords", 8)))],
        "total_sentences": len(sentences),
    }))


if __name__ == "__main__":
    main()
