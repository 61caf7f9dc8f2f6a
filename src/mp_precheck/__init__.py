"""mp-precheck: find what a change adds to a WeChat Mini Program that WeChat review will look at."""

__version__ = "0.1.0"
