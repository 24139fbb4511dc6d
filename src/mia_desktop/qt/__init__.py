"""The Qt layer: the window, its tabs and drawings, wired in qt/app.py.

PySide6 puts a hook of its own in front of `builtins.__import__` for its `from __feature__
import ...` switches (snake_case, true_property). The hook reads the source of every
module imported after PySide (inspect.getsource) to learn whether it names PySide6;
mia-desktop uses no feature, so the import behind the hook (PySide's lazy one) is put
back in its place: start-up imports some 80 modules after PySide, and this saves about
15-20 ms of them (benchmarks/, docs/performance.md).
"""

import builtins

import PySide6.QtCore  # noqa: F401  (installs the hook)

_behind_the_hook = getattr(builtins, "__orig_import__", None)
if _behind_the_hook is not None and builtins.__import__.__name__ == "__feature_import__":
    builtins.__import__ = _behind_the_hook
