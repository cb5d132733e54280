from . import toimio_work_request_reject_wizard
