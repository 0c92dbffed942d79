/* elfsect.c - one named section's bytes from ELF objects, archives, executables and shared
   libraries.

   libelf does the reading: elf_begin on an archive yields its members
   one after another (elf_next), each an ELF file of its own, so objects,
   archives, executables and shared libraries are one loop.  The linker
   concatenates same-named sections of all its inputs, so an executable's
   section holds one record per object linked into it. */
#include "tool/elfsect.h"
#include "core/base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool fail(char **error, const char *path, const char *what)
{
    *error = esc_xasprintf("%s: %s", path, what);
    return false;
}

/* One ELF file (not an archive): find NAME and hand its bytes on. */
static bool read_one(Elf *elf, const char *where, const char *name, esc_section_fn *fn, void *ctx,
                     struct esc_section_scan *scan, char **error)
{
    size_t strndx;
    if (elf_getshdrstrndx(elf, &strndx) != 0)
        return fail(error, where, elf_errmsg(-1));
    scan->files++;
    bool found = false;
    for (Elf_Scn *scn = elf_nextscn(elf, NULL); scn; scn = elf_nextscn(elf, scn)) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr))
            return fail(error, where, elf_errmsg(-1));
        const char *sname = elf_strptr(elf, strndx, shdr.sh_name);
        if (!sname || strcmp(sname, name) != 0)
            continue;
        if (shdr.sh_type == SHT_NOBITS)
            return fail(error, where, "section has no contents");
        Elf_Data *data = elf_rawdata(scn, NULL);
        if (!data && shdr.sh_size)
            return fail(error, where, elf_errmsg(-1));
        fn(ctx, where, data ? data->d_buf : "", data ? data->d_size : 0);
        found = true;
    }
    if (!found)
        scan->without++;
    return true;
}

bool esc_read_sections(const char *path, const char *name, esc_section_fn *fn, void *ctx,
                       struct esc_section_scan *scan, char **error)
{
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(error, path, elf_errmsg(-1));
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return fail(error, path, strerror(errno));
    /* libelf reads a directory as an empty file: say what it is. */
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return fail(error, path, strerror(EISDIR));
    }
    bool ok = true;
    Elf *top = elf_begin(fd, ELF_C_READ, NULL);
    if (!top || (elf_kind(top) != ELF_K_ELF && elf_kind(top) != ELF_K_AR)) {
        ok = fail(error, path, "not an ELF object, archive, executable or shared library");
    } else if (elf_kind(top) == ELF_K_ELF) {
        ok = read_one(top, path, name, fn, ctx, scan, error);
    } else {
        Elf_Cmd cmd = ELF_C_READ;
        /* A bad member is reported, and the others are still read. */
        for (Elf *member; (member = elf_begin(fd, cmd, top)) != NULL;) {
            Elf_Arhdr *hdr = elf_getarhdr(member);
            const char *mname = hdr && hdr->ar_name ? hdr->ar_name : "?";
            char *where = esc_xasprintf("%s(%s)", path, mname);
            char *message = NULL;
            /* The symbol table and long-name table are members too. */
            if (elf_kind(member) == ELF_K_ELF)
                read_one(member, where, name, fn, ctx, scan, &message);
            else if (mname[0] != '/')
                fail(&message, where, "archive member is not an ELF object");
            if (message && ok) {
                ok = false;
                *error = message;
            } else {
                free(message);
            }
            free(where);
            cmd = elf_next(member);
            elf_end(member);
        }
    }
    elf_end(top);
    close(fd);
    return ok;
}
