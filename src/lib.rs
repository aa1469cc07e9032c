//! pressroom: turns a newspaper's e-paper page dumps into RSS, Atom and JSON feeds.
//!
//! The pure core ([`edition`], [`render`]) knows nothing of files, sockets or clocks; the
//! edges ([`config`], [`store`], [`inbox`], [`publish`], [`server`]) do the I/O, and
//! [`daemon`] wires them together.

pub mod article;
pub mod cli;
pub mod config;
pub mod daemon;
pub mod edition;
pub mod inbox;
pub mod ingest;
pub mod publish;
pub mod render;
pub mod server;
pub mod store;
pub mod worker;
