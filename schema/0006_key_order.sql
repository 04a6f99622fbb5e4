-- articledb schema, version 6: the order of the front matter's keys, for writing files back.
--
-- A layout holds, for the mappings of a front matter that articledb reads (the top level, the
-- provider, the images and related entries and their providers), the keys in the order the
-- file wrote them: {"": ["title", "excerpt", ...], "provider": ["name", "domain"],
-- "related[]": [...]} ("[]" when every entry of a list has the same keys, else "[0]", "[1]").
-- Files of one site share a few layouts, kept once each. `articledb export --format
-- frontmatter` writes the keys in that order; articles imported before this version have none
-- (articledb's own order) until their file is imported again.
CREATE TABLE layouts (
  id   INTEGER PRIMARY KEY,
  keys TEXT NOT NULL UNIQUE
);
ALTER TABLE articles ADD COLUMN layout_id INTEGER REFERENCES layouts(id);
