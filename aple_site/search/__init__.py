"""Site search: what the index holds besides a page's own words (English stems, Khmer terms), how the words
typed into the box become a search (synonyms and abbreviations staff edit, long queries capped), editors' picks
for key queries, and the results page. No search query is ever stored or logged."""
