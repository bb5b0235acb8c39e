"""Reports: extraction tables, flags with evidence, forest and funnel plots, one HTML file."""
