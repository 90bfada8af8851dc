/* placeholder; filled by the CPNG bridge */
