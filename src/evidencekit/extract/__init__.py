"""Reading papers and extracting what they report: text, sections, statistics, records."""
