"""One module per export format (as OpenSanctions' zavod keeps one exporter per format), each
with a `write` that streams the chosen views from one snapshot into its files; export.py picks
the format, opens the snapshot and checks the directory."""
