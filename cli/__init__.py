"""The `talentgraph` command, the one entry point for people."""
