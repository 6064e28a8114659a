"""What builds the site from src/: build-time facts, include guards and MkDocs hooks."""
