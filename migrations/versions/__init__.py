"""One file per schema revision; the revisions are the only thing that creates the schema."""
