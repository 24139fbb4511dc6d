"""`python -m mia_desktop`."""

import sys

from mia_desktop import main

sys.exit(main())
