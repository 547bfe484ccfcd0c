-- unaccent() is only STABLE (its dictionary could change), so it cannot be used in generated
-- columns or index expressions. This wrapper names the dictionary explicitly, which makes the
-- result depend on its input alone.
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
