"""Small widgets that set app-wide defaults for this audience."""
