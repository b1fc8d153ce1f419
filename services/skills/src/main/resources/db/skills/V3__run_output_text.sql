-- A run's output is kept as JSON text: jsonb refuses the NUL characters a script may print.
ALTER TABLE skill_run ALTER COLUMN output TYPE text USING output::text;
