"""The plan and what is done with it: no Textual, no screens, no saving policy."""
