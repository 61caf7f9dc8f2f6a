"""The core: the rule catalog, the configuration, one run of the analysis and its report.

A run is git → change set → facts → semantic diff → analyzers → :class:`~mp_precheck.core.report.Report`.
"""
