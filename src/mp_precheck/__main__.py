import sys

from mp_precheck.cli import main

sys.exit(main())
