from . import portal
from . import employment_condition
