"""backmap: plan the impact of a co-production project, by backwards mapping."""

__version__ = "0.1.0"
