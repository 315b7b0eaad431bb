"""Speed and memory benchmark for backmap: ``python -m bench`` prints one table of ratios.

Every figure is compared with a baseline measured in the same run, because the
machine is shared and noisy. Not part of the test run.
"""
