from . import models
from . import wizards
from . import report
from . import tools


def uninstall_hook(env):
    """Odoo's employee rule, switched off while Toimio's replaces it."""
    rule = env.ref("hr.hr_employee_comp_rule", raise_if_not_found=False)
    if rule:
        rule.active = True
