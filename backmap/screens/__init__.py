"""A few generic screens; the words they show come from backmap.content."""
