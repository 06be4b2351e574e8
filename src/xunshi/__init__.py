"""xunshi: an open archive of Chinese party inspection reports."""
__version__ = "0.1.0"
