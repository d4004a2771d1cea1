"""The build's jobs, one module each, plain functions that need neither MkDocs nor a browser."""
