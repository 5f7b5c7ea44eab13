package office

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bientap/model/office/pgtest"
)

// certs makes a CA and a server certificate for "localhost" signed by it.
func certs(t *testing.T) (caPEM, certPEM, keyPEM []byte) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Văn phòng UBND tỉnh CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour), IsCA: true,
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srv := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		DNSNames: []string{"localhost"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	caCert, _ := x509.ParseCertificate(caDER)
	der, err := x509.CreateCertificate(rand.Reader, srv, caCert, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	kd, _ := x509.MarshalECPrivateKey(key)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kd})
}

// TLS with the office's CA: verify-full when a CA is given; a server whose
// certificate another CA signed, or that was reached by a name its
// certificate does not carry, is refused with one line.
func TestTLSVerifyFull(t *testing.T) {
	cluster.Need(t)
	cl, err := pgtest.Start(pgtest.Options{TCP: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Destroy()
	caPEM, certPEM, keyPEM := certs(t)
	certFile, _ := cl.WriteFile("server.crt", certPEM)
	keyFile, _ := cl.WriteFile("server.key", keyPEM)
	for _, q := range []string{"ALTER SYSTEM SET ssl = on", "ALTER SYSTEM SET ssl_cert_file = '" + certFile + "'",
		"ALTER SYSTEM SET ssl_key_file = '" + keyFile + "'"} {
		if err := cl.Exec("postgres", q); err != nil {
			t.Fatal(err)
		}
	}
	if err := cl.HBA("local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n"); err != nil {
		t.Fatal(err)
	}
	db, _ := cl.NewDB()
	super := mustParse(t, cl.SuperURL(db))
	if _, err := Init(context.Background(), super); err != nil {
		t.Fatal(err)
	}
	if err := AddUser(context.Background(), super, "clerk", RoleDrafter, userPassword); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ca := filepath.Join(dir, "ca.pem")
	os.WriteFile(ca, caPEM, 0o644)
	otherCA, _, _ := certs(t)
	other := filepath.Join(dir, "other.pem")
	os.WriteFile(other, otherCA, 0o644)
	url := func(host, caFile string) string {
		return "postgres://clerk:" + userPassword + "@" + // typed as is: the parser escapes it
			net.JoinHostPort(host, itoa(cl.Port)) + "/" + db + "?sslrootcert=" + caFile
	}
	cfg := mustParse(t, url("localhost", ca))
	if !strings.Contains(cfg.URL, "sslmode=verify-full") {
		t.Fatalf("a CA does not make verify-full: %s", cfg.URL)
	}
	c, err := Connect(context.Background(), cfg)
	if err != nil {
		t.Fatalf("verify-full with the office's CA: %v", err)
	}
	c.Close()
	for _, tc := range []struct{ name, url, want string }{
		{"another CA", url("localhost", other), "không do CA đã khai báo ký"},
		{"wrong name", url("127.0.0.1", ca), "không mang tên máy chủ"},
	} {
		_, err := Connect(context.Background(), mustParse(t, tc.url))
		if !errors.Is(err, ErrOffline) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }
