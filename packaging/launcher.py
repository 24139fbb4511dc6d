"""The frozen app's entry point (PyInstaller starts here): the same main() as every launcher."""

import sys

from mia_desktop import main

sys.exit(main())
