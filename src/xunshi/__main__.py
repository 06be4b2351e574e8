"""`python -m xunshi`: the same as the `xunshi` command."""
from .cli import main

main()
