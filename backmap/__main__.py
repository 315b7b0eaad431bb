import sys

from backmap.cli import main

sys.exit(main())
