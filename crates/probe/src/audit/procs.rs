//! Which process owns a socket: the kernel names a socket's inode, and each process's
//! /proc/<pid>/fd/* links read `socket:[inode]`. Without root, other users' fd
//! directories cannot be read; those processes are counted, not guessed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

pub use conndoctor_model::audit::ProcInfo;

use super::platform::{SysRoot, read_capped};

/// Result of one scan of /proc.
#[derive(Debug, Clone, Default)]
pub struct Owners {
    /// Socket inode → pids holding it (a pre-forked server shares it among workers).
    pub by_inode: HashMap<u32, Vec<u32>>,
    pub procs: BTreeMap<u32, ProcInfo>,
    /// Processes whose fd directory could not be read (other users', without root).
    pub unreadable: u32,
}

/// Upper bounds, so a machine with a huge process table still answers quickly.
const MAX_PROCS: usize = 100_000;
const MAX_FDS: usize = 4_000_000;
const CMDLINE_CAP: u64 = 4096;

/// Scans /proc for the processes holding `inodes`.
pub fn owners(inodes: &HashSet<u32>, root: &SysRoot) -> Owners {
    let mut out = Owners::default();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return out;
    };
    let users = users(root);
    let mut fds_seen = 0usize;
    for (n, entry) in dir.flatten().enumerate() {
        if n >= MAX_PROCS || fds_seen >= MAX_FDS {
            break;
        }
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let fd_dir = entry.path().join("fd");
        let fds = match std::fs::read_dir(&fd_dir) {
            Ok(d) => d,
            Err(e) => {
                // Kernel threads and exited processes are not a hidden owner.
                if e.kind() == std::io::ErrorKind::PermissionDenied {
                    out.unreadable += 1;
                }
                continue;
            }
        };
        let mut count = 0u64;
        let mut mine = false;
        for fd in fds.flatten() {
            count += 1;
            fds_seen += 1;
            let Ok(target) = std::fs::read_link(fd.path()) else {
                continue;
            };
            let Some(inode) = socket_inode(&target) else {
                continue;
            };
            if inodes.contains(&inode) {
                let pids = out.by_inode.entry(inode).or_default();
                if !pids.contains(&pid) {
                    pids.push(pid);
                }
                mine = true;
            }
        }
        if mine {
            let mut info = info(pid, &entry.path(), &users);
            info.open_fds = Some(count);
            out.procs.insert(pid, info);
        }
    }
    out
}

fn socket_inode(link: &Path) -> Option<u32> {
    let s = link.to_str()?;
    s.strip_prefix("socket:[")?.strip_suffix(']')?.parse().ok()
}

fn info(pid: u32, dir: &Path, users: &HashMap<u32, String>) -> ProcInfo {
    let comm = read_capped(&dir.join("comm"), 256)
        .map(|s| printable(s.trim()))
        .unwrap_or_default();
    let cmdline = read_capped(&dir.join("cmdline"), CMDLINE_CAP)
        .map(|s| {
            s.split('\0')
                .filter(|a| !a.is_empty())
                .map(printable)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let uid = read_capped(&dir.join("status"), 16 * 1024).and_then(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
    });
    let fd_limit = read_capped(&dir.join("limits"), 16 * 1024).and_then(|s| nofile_soft(&s));
    ProcInfo {
        pid,
        uid,
        user: uid.and_then(|u| users.get(&u).cloned()),
        comm,
        cmdline,
        open_fds: None,
        fd_limit,
    }
}

/// Control characters (a newline in an argument, an escape sequence) become spaces:
/// the text ends up on a terminal.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The soft "Max open files" from /proc/<pid>/limits.
pub fn nofile_soft(limits: &str) -> Option<u64> {
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    let v = line["Max open files".len()..].split_whitespace().next()?;
    if v == "unlimited" {
        return Some(u64::MAX);
    }
    v.parse().ok()
}

/// uid → name from the passwd file.
pub fn users(root: &SysRoot) -> HashMap<u32, String> {
    root.read("/etc/passwd")
        .map(|t| parse_passwd(&t))
        .unwrap_or_default()
}

pub fn parse_passwd(text: &str) -> HashMap<u32, String> {
    text.lines()
        .filter_map(|l| {
            let mut f = l.split(':');
            let name = f.next()?;
            let uid = f.nth(1)?.parse().ok()?;
            Some((uid, name.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_passwd() {
        let limits = "Limit                     Soft Limit           Hard Limit           Units\n\
Max open files            1024                 524288               files\n";
        assert_eq!(nofile_soft(limits), Some(1024));
        let p = parse_passwd(
            "root:x:0:0:root:/root:/bin/bash\nwww:x:33:33::/var/www:/usr/sbin/nologin\n",
        );
        assert_eq!(p.get(&33).map(String::as_str), Some("www"));
        assert_eq!(socket_inode(Path::new("socket:[12345]")), Some(12345));
        assert_eq!(socket_inode(Path::new("/dev/null")), None);
    }

    #[test]
    fn finds_own_listener() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = l.local_addr().expect("addr");
        let mut inode = None;
        crate::sockdiag::dump(netlink_packet_sock_diag::inet::StateFlags::LISTEN, |e| {
            if e.local == addr {
                inode = Some(e.inode);
            }
        })
        .expect("sock_diag");
        let inode = inode.expect("own listener in the dump");
        let o = owners(&HashSet::from([inode]), &SysRoot::default());
        let me = std::process::id();
        assert_eq!(o.by_inode.get(&inode), Some(&vec![me]));
        let p = &o.procs[&me];
        assert!(p.open_fds.is_some_and(|n| n > 0));
        assert!(p.fd_limit.is_some());
    }
}
