//! What the machine runs on, as data: DMI strings, the cloud they name, hosting
//! panels and firewall managers (the probe crate reads them).

use serde::Serialize;

/// The DMI strings that identify clouds (/sys/class/dmi/id/*).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Dmi {
    pub sys_vendor: String,
    pub product_name: String,
    pub product_version: String,
    pub bios_vendor: String,
    pub bios_version: String,
    pub chassis_asset_tag: String,
    pub board_vendor: String,
}

impl Dmi {
    pub fn is_empty(&self) -> bool {
        self.sys_vendor.is_empty()
            && self.product_name.is_empty()
            && self.bios_vendor.is_empty()
            && self.chassis_asset_tag.is_empty()
            && self.board_vendor.is_empty()
    }
}

/// A cloud provider, recognised from DMI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cloud {
    /// Stable id: `alibaba`, `tencent`, `huawei`, `aws`, `google`, `azure`, `oracle`,
    /// `digitalocean`, `hetzner`, `vultr`, `linode`, `upcloud`, `scaleway`, `exoscale`,
    /// `openstack`. Locale messages select on it.
    pub provider: &'static str,
    /// The DMI field and value that identified it.
    pub field: &'static str,
    pub value: String,
}

/// A hosting panel or firewall manager found on this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Panel {
    /// Stable id: `bt` (BT Panel / aaPanel), `onepanel`, `cpanel`, `plesk`,
    /// `directadmin`, `cyberpanel`, `hestia`, `vesta`, `cwp`, `ispmanager`, `csf`.
    pub id: &'static str,
    pub name: &'static str,
    /// The path that revealed it.
    pub marker: String,
    /// For CSF: the ports its csf.conf opens (TCP_IN), when readable.
    pub open_ports: Option<Vec<(u16, u16)>>,
}

/// The host firewall front-ends whose state decides the fix to suggest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Managers {
    /// /etc/ufw/ufw.conf says ENABLED=yes.
    pub ufw_enabled: Option<bool>,
    /// firewalld is installed (config present); `running` from its process.
    pub firewalld_installed: bool,
    pub firewalld_running: bool,
}
