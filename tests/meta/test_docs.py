"""Every public function and result class of evidencekit.meta is documented."""

from __future__ import annotations

import inspect

import pytest

import evidencekit.meta as meta


@pytest.mark.parametrize("name", sorted(meta.__all__))
def test_every_public_name_of_meta_has_a_docstring(name):
    obj = getattr(meta, name)
    if inspect.isfunction(obj) or inspect.isclass(obj):
        doc = (obj.__doc__ or "").strip()
        # a dataclass without a docstring gets its signature as __doc__: that is not documentation
        assert doc and not doc.startswith(f"{obj.__name__}("), f"meta.{name} has no docstring"


def test_the_package_docstring_names_the_three_verbs():
    assert all(verb in meta.__doc__ for verb in ("escalc", "pool"))
