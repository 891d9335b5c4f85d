# Sourced by the bench scripts: in the current directory, a test trust anchor, issuer and
# holder device, one credential, a trust list, and t.conf for a terminal TERMINAL_ID at venue
# VENUE_ID that forwards to the gateway at URL (its PKI in gw/pki, as scripts/gateway-temp makes
# it), with the list installed. Sets cli=(liangzheng-cli --config t.conf).
# Usage: test_terminal BIN URL TERMINAL_ID VENUE_ID [EXTRA_SYNC_LINES]
test_terminal() {
  local bin=$1 url=$2 terminal=$3 venue=$4 extra=${5:-}
  for k in anchor:ES256 issuer:EdDSA device:EdDSA; do "$bin/lz-issuer" keygen --alg "${k#*:}" --out "${k%%:*}.pem" >/dev/null; done
  "$bin/lz-issuer" pubkey --key anchor.pem --out anchor.pub.pem >/dev/null
  echo '{"kind":"resident_id","level":"light","name":"赵六","sex":"male","ethnicity":1,"birth_date":"1949-12-31","number":"110105194912310011"}' >id.json
  "$bin/lz-issuer" issue --issuer-key issuer.pem --kid ed-1 --iss TEST-CTID --identity id.json --device-pub device.pem --out cred.cose >/dev/null
  echo '{"issuers":[{"kid":"ed-1","code":"TEST-CTID","name":"Test","public_key":"issuer.pem"}]}' >spec.json
  "$bin/lz-issuer" trust-list --anchor-key anchor.pem --anchor-kid a --spec spec.json --sequence 1 --out list.cose >/dev/null
  cat >t.conf <<CONF
[trust]
anchors=a=anchor.pub.pem
[state]
dir=state
[venue]
id=$venue
type=internet_cafe
terminal_id=$terminal
[sync]
url=$url
client_cert=gw/pki/terminal-$terminal.pem
client_key=gw/pki/terminal-$terminal.key
ca=gw/pki/ca.pem
$extra
CONF
  cli=("$bin/liangzheng-cli" --config t.conf)
  "${cli[@]}" trust install list.cose >/dev/null
}
