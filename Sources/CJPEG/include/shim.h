/* placeholder; filled by the CJPEG bridge */
