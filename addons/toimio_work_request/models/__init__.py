from . import product_template
from . import res_partner
from . import toimio_work_request
from . import sale_order
from . import sale_order_line
from . import toimio_shift
from . import account_move
from . import account_edi_xml_ubl_21
