//! What this machine runs on and who manages its firewall: the cloud provider (from
//! DMI, no network request) and hosting panels (from their install paths).
//!
//! Both matter because their firewalls are invisible to `nft` and `iptables`: a cloud
//! security group filters before the packet reaches the VM, and a panel keeps its own
//! list of open ports that it writes into the host firewall. The matching is pure
//! ([`cloud_from_dmi`]); [`detect`] only reads the marker files under a [`SysRoot`].

use std::path::{Path, PathBuf};

pub use conndoctor_model::audit::platform::{Cloud, Dmi, Managers, Panel};

/// Where configuration and hardware markers are read: `/` normally, a fake tree in
/// tests (`--sysroot`). The kernel's live state (sockets, /proc, firewall commands) is
/// always this machine's own.
#[derive(Debug, Clone)]
pub struct SysRoot(pub PathBuf);

impl Default for SysRoot {
    fn default() -> Self {
        SysRoot(PathBuf::from("/"))
    }
}

/// Marker and config files are small; anything larger is not what we look for.
const READ_CAP: u64 = 64 * 1024;

impl SysRoot {
    /// `abs` (an absolute path such as `/sys/class/dmi/id/sys_vendor`) under the root.
    pub fn path(&self, abs: &str) -> PathBuf {
        self.0.join(abs.trim_start_matches('/'))
    }

    pub fn exists(&self, abs: &str) -> bool {
        self.path(abs).exists()
    }

    /// Reads at most 64 KiB of a text file; `None` when it is absent or unreadable.
    pub fn read(&self, abs: &str) -> Option<String> {
        read_capped(&self.path(abs), READ_CAP)
    }

    pub fn is_default(&self) -> bool {
        self.0 == Path::new("/")
    }
}

pub fn read_capped(path: &Path, cap: u64) -> Option<String> {
    use std::io::Read;
    let f = std::fs::File::open(path).ok()?;
    let mut buf = Vec::new();
    f.take(cap).read_to_end(&mut buf).ok()?;
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// The DMI strings under `root`.
pub fn read_dmi(root: &SysRoot) -> Dmi {
    let f = |name: &str| {
        root.read(&format!("/sys/class/dmi/id/{name}"))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    Dmi {
        sys_vendor: f("sys_vendor"),
        product_name: f("product_name"),
        product_version: f("product_version"),
        bios_vendor: f("bios_vendor"),
        bios_version: f("bios_version"),
        chassis_asset_tag: f("chassis_asset_tag"),
        board_vendor: f("board_vendor"),
    }
}

/// Identifies the provider from DMI strings, the way cloud-init's ds-identify and the
/// providers' own documentation describe them.
pub fn cloud_from_dmi(d: &Dmi) -> Option<Cloud> {
    let hit = |provider: &'static str, field: &'static str, value: &str| {
        Some(Cloud {
            provider,
            field,
            value: value.to_string(),
        })
    };
    let has = |s: &str, needle: &str| s.to_ascii_lowercase().contains(needle);
    let (vendor, product, tag) = (&d.sys_vendor, &d.product_name, &d.chassis_asset_tag);
    // Asset tags first: Azure and Oracle put their mark there and nowhere else.
    if tag == "7783-7084-3265-9085-8269-3286-77" {
        return hit("azure", "chassis_asset_tag", tag);
    }
    if has(tag, "oraclecloud.com") {
        return hit("oracle", "chassis_asset_tag", tag);
    }
    if has(tag, "huaweicloud") {
        return hit("huawei", "chassis_asset_tag", tag);
    }
    if has(product, "alibaba cloud") || has(vendor, "alibaba cloud") {
        let (f, v) = if has(product, "alibaba") {
            ("product_name", product)
        } else {
            ("sys_vendor", vendor)
        };
        return hit("alibaba", f, v);
    }
    if has(vendor, "tencent") {
        return hit("tencent", "sys_vendor", vendor);
    }
    if has(vendor, "huawei") && (has(product, "cloud") || has(vendor, "cloud")) {
        return hit("huawei", "sys_vendor", vendor);
    }
    if has(vendor, "amazon ec2") || has(d.board_vendor.as_str(), "amazon ec2") {
        return hit("aws", "sys_vendor", vendor);
    }
    if has(&d.bios_vendor, "amazon ec2") {
        return hit("aws", "bios_vendor", &d.bios_vendor);
    }
    // Older Xen instances: "4.11.amazon" and the like.
    if has(&d.bios_version, "amazon") {
        return hit("aws", "bios_version", &d.bios_version);
    }
    if has(product, "google compute engine") || vendor == "Google" {
        return hit("google", "product_name", product);
    }
    if has(vendor, "digitalocean") {
        return hit("digitalocean", "sys_vendor", vendor);
    }
    if vendor.eq_ignore_ascii_case("hetzner") {
        return hit("hetzner", "sys_vendor", vendor);
    }
    if vendor.eq_ignore_ascii_case("vultr") {
        return hit("vultr", "sys_vendor", vendor);
    }
    if vendor.eq_ignore_ascii_case("linode") || vendor.eq_ignore_ascii_case("akamai") {
        return hit("linode", "sys_vendor", vendor);
    }
    if vendor.eq_ignore_ascii_case("upcloud") {
        return hit("upcloud", "sys_vendor", vendor);
    }
    if vendor.eq_ignore_ascii_case("scaleway") {
        return hit("scaleway", "sys_vendor", vendor);
    }
    if has(product, "exoscale") {
        return hit("exoscale", "product_name", product);
    }
    // Generic OpenStack (OVHcloud, Open Telekom Cloud, private clouds): security
    // groups live in the project's network settings.
    if has(product, "openstack nova") || has(product, "openstack compute") || has(tag, "openstack")
    {
        return hit("openstack", "product_name", product);
    }
    None
}

/// Install paths of panels that manage a firewall, from their installers.
const PANELS: &[(&str, &str, &[&str])] = &[
    (
        "bt",
        "BT Panel (宝塔) / aaPanel",
        &[
            "/www/server/panel/BTPanel",
            "/www/server/panel",
            "/etc/init.d/bt",
        ],
    ),
    (
        "onepanel",
        "1Panel",
        &[
            "/usr/local/bin/1panel",
            "/usr/bin/1panel",
            "/etc/systemd/system/1panel.service",
            "/etc/systemd/system/1panel-core.service",
            "/opt/1panel",
        ],
    ),
    (
        "cpanel",
        "cPanel/WHM",
        &["/usr/local/cpanel/version", "/usr/local/cpanel"],
    ),
    (
        "plesk",
        "Plesk",
        &["/usr/local/psa/version", "/opt/psa/version"],
    ),
    (
        "directadmin",
        "DirectAdmin",
        &["/usr/local/directadmin/directadmin"],
    ),
    ("cyberpanel", "CyberPanel", &["/usr/local/CyberCP"]),
    ("hestia", "HestiaCP", &["/usr/local/hestia"]),
    ("vesta", "VestaCP", &["/usr/local/vesta"]),
    ("cwp", "CentOS Web Panel", &["/usr/local/cwpsrv"]),
    ("ispmanager", "ISPmanager", &["/usr/local/mgr5"]),
    ("csf", "ConfigServer Firewall (csf)", &["/etc/csf/csf.conf"]),
];

pub fn panels(root: &SysRoot) -> Vec<Panel> {
    let mut out = Vec::new();
    for (id, name, markers) in PANELS {
        if let Some(m) = markers.iter().find(|m| root.exists(m)) {
            let open_ports = (*id == "csf")
                .then(|| root.read("/etc/csf/csf.conf"))
                .flatten()
                .and_then(|c| csf_tcp_in(&c));
            out.push(Panel {
                id,
                name,
                marker: (*m).to_string(),
                open_ports,
            });
        }
    }
    out
}

/// `TCP_IN = "20,21,22,25,80,443,30000:35000"` from csf.conf.
pub fn csf_tcp_in(conf: &str) -> Option<Vec<(u16, u16)>> {
    let line = conf.lines().find(|l| {
        let t = l.trim_start();
        t.starts_with("TCP_IN") && t[6..].trim_start().starts_with('=')
    })?;
    let value = line.split_once('=')?.1.trim().trim_matches('"');
    value
        .split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (a, b) = p.trim().split_once(':').unwrap_or((p.trim(), p.trim()));
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .collect()
}

pub fn managers(root: &SysRoot) -> Managers {
    let ufw_enabled = root.read("/etc/ufw/ufw.conf").map(|c| {
        c.lines().any(|l| {
            let l = l.trim();
            l.starts_with("ENABLED")
                && l.split_once('=')
                    .is_some_and(|(_, v)| v.trim().trim_matches('"').eq_ignore_ascii_case("yes"))
        })
    });
    Managers {
        ufw_enabled,
        firewalld_installed: root.exists("/etc/firewalld/firewalld.conf")
            || root.exists("/usr/lib/firewalld"),
        firewalld_running: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dmi(vendor: &str, product: &str, tag: &str) -> Dmi {
        Dmi {
            sys_vendor: vendor.into(),
            product_name: product.into(),
            chassis_asset_tag: tag.into(),
            ..Dmi::default()
        }
    }

    #[test]
    fn clouds_from_dmi() {
        let p = |d: Dmi| cloud_from_dmi(&d).map(|c| c.provider);
        assert_eq!(
            p(dmi("Alibaba Cloud", "Alibaba Cloud ECS", "")),
            Some("alibaba")
        );
        assert_eq!(p(dmi("Tencent Cloud", "CVM", "")), Some("tencent"));
        assert_eq!(
            p(dmi("OpenStack Foundation", "OpenStack Nova", "HUAWEICLOUD")),
            Some("huawei")
        );
        assert_eq!(p(dmi("Amazon EC2", "t3.micro", "Amazon EC2")), Some("aws"));
        assert_eq!(
            p(dmi("Google", "Google Compute Engine", "")),
            Some("google")
        );
        assert_eq!(
            p(dmi(
                "Microsoft Corporation",
                "Virtual Machine",
                "7783-7084-3265-9085-8269-3286-77"
            )),
            Some("azure")
        );
        // Hyper-V on premises has the same vendor and product, without the tag.
        assert_eq!(
            p(dmi("Microsoft Corporation", "Virtual Machine", "None")),
            None
        );
        assert_eq!(
            p(dmi(
                "QEMU",
                "Standard PC (i440FX + PIIX, 1996)",
                "OracleCloud.com"
            )),
            Some("oracle")
        );
        assert_eq!(p(dmi("DigitalOcean", "Droplet", "")), Some("digitalocean"));
        assert_eq!(p(dmi("Hetzner", "vServer", "")), Some("hetzner"));
        assert_eq!(p(dmi("Vultr", "VC2", "")), Some("vultr"));
        assert_eq!(p(dmi("Linode", "Compute Instance", "")), Some("linode"));
        assert_eq!(p(dmi("QEMU", "Standard PC (Q35 + ICH9, 2009)", "")), None);
        assert_eq!(p(dmi("", "", "")), None);
        let xen = Dmi {
            bios_vendor: "Xen".into(),
            bios_version: "4.11.amazon".into(),
            ..Dmi::default()
        };
        assert_eq!(cloud_from_dmi(&xen).map(|c| c.provider), Some("aws"));
    }

    #[test]
    fn csf_ports() {
        let conf = "# comment\nTCP_IN = \"20,21,22,80,443,30000:35000\"\nTCP_OUT = \"1:65535\"\n";
        assert_eq!(
            csf_tcp_in(conf),
            Some(vec![
                (20, 20),
                (21, 21),
                (22, 22),
                (80, 80),
                (443, 443),
                (30000, 35000)
            ])
        );
        assert_eq!(csf_tcp_in("TCP_OUT = \"1\""), None);
    }

    #[test]
    fn panels_and_dmi_under_a_fake_root() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = SysRoot(dir.path().to_path_buf());
        let put = |p: &str, content: &str| {
            let full = root.path(p);
            std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
            std::fs::write(full, content).expect("write");
        };
        put("/www/server/panel/BTPanel/__init__.py", "");
        put("/etc/csf/csf.conf", "TCP_IN = \"22,80\"\n");
        put("/sys/class/dmi/id/sys_vendor", "Tencent Cloud\n");
        put("/sys/class/dmi/id/product_name", "CVM\n");
        put("/etc/ufw/ufw.conf", "# ufw\nENABLED=yes\nLOGLEVEL=low\n");
        let ids: Vec<&str> = panels(&root).iter().map(|p| p.id).collect();
        assert_eq!(ids, ["bt", "csf"]);
        assert_eq!(panels(&root)[1].open_ports, Some(vec![(22, 22), (80, 80)]));
        let d = read_dmi(&root);
        assert_eq!(d.sys_vendor, "Tencent Cloud");
        assert_eq!(cloud_from_dmi(&d).map(|c| c.provider), Some("tencent"));
        assert_eq!(managers(&root).ufw_enabled, Some(true));
        assert!(!managers(&root).firewalld_installed);
    }
}
