import sys

from mp_precheck.core.collector import collect_less, leave_to_exit

collect_less()  # before the imports: they too build objects that live until the process ends

from mp_precheck.cli import main  # noqa: E402

code = main()
leave_to_exit()  # the process ends here: no last search for cycles through everything the run built
sys.exit(code)
