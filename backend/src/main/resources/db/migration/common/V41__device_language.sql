-- The language a young person picked in the app. It wins over the phone's Accept-Language and its stored
-- locale (which stays the phone's own setting and still chooses push texts while nothing was picked).
-- Null: nothing picked.
ALTER TABLE devices ADD COLUMN language TEXT;
