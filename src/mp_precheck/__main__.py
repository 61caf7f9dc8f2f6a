import sys

from mp_precheck.core.collector import collect_less

collect_less()  # before the imports: they too build objects that live until the process ends

from mp_precheck.cli import main  # noqa: E402

sys.exit(main())
