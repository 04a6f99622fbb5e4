-- articledb schema, version 7: the heads of frequent terms in a table with rowids.
--
-- An import adds a chunk to the heads of thousands of frequent terms at once. Keyed by
-- (term, chunk) in the table itself, each new chunk went in among the large rows of the
-- term's earlier chunks: a page or more rewritten per term. Now new chunks go at the end of
-- the table, and the index of the primary key, whose entries are small, finds a term's chunks.
-- The columns, and what they hold, are as in version 3.
ALTER TABLE search_heads RENAME TO search_heads_v6;
CREATE TABLE search_heads (
  term     TEXT NOT NULL,
  chunk    INTEGER NOT NULL,
  postings BLOB NOT NULL,
  PRIMARY KEY (term, chunk)
);
INSERT INTO search_heads(term, chunk, postings)
  SELECT term, chunk, postings FROM search_heads_v6 ORDER BY term, chunk;
DROP TABLE search_heads_v6;
