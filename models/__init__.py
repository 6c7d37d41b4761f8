"""Data shipped with persian_news_nlp: lexicons, rule tables and gazetteers (no code)."""
