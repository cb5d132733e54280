from . import member_register_report
