"""Filling the graph: the skills taxonomy, HRIS imports and the generated demo organisation."""
