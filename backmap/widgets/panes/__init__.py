"""The panes a step is shown on. The interview screen keeps one of each and shows one at a time."""
