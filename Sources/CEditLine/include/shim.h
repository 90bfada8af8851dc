/* placeholder; filled by the CEditLine bridge */
