//! Secret tokens: admin tokens and cancellation tokens.
//!
//! Tokens are 128 random bits shown once as 32 hex characters; only their
//! SHA-256 is stored, so a copy of the database gives no one access. Admin
//! tokens are compared in constant time.

use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

/// A new random token, written as [`wire::token_text`].
pub fn new_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; wire::TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(wire::token_text(&bytes))
}

/// The hash stored for a token.
pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Whether `token` hashes to `stored`, in time that does not depend on where they differ.
pub fn matches(token: &str, stored: &[u8]) -> bool {
    hash(token).as_slice().ct_eq(stored).into()
}

/// Whether `token` looks like one of ours (so junk is refused before hashing).
pub fn is_well_formed(token: &str) -> bool {
    wire::is_token(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_matches_its_own_hash_only() {
        let (a, b) = (
            new_token().unwrap_or_default(),
            new_token().unwrap_or_default(),
        );
        assert!(is_well_formed(&a) && is_well_formed(&b));
        assert_ne!(a, b);
        assert!(matches(&a, &hash(&a)));
        assert!(!matches(&b, &hash(&a)));
        assert!(!matches(&a, &[]));
    }
}
