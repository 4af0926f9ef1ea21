package server

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strings"
)

// sessionCookie names the cookie the login form sets.
const sessionCookie = "storyline_session"

// secure sets the headers every response carries and checks the token.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		// Pages replace this with their own policy and nonce.
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		if s.cfg.Token != "" && !public(r.URL.Path) && !s.authorized(r) {
			if isAPI(r.URL.Path) {
				h.Set("WWW-Authenticate", `Bearer realm="storyline"`)
				s.fail(w, r, errorf(http.StatusUnauthorized, "server: a token is needed: Authorization: Bearer TOKEN"))
				return
			}
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// public reports whether a path is served without the token: health,
// the login form and the static files it uses. Every other API route,
// /api/openapi.json included, needs it.
func public(path string) bool {
	return path == "/healthz" || path == "/readyz" || path == "/login" || strings.HasPrefix(path, "/static/")
}

// isAPI reports whether a path answers JSON (or metrics) rather than a page.
func isAPI(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/metrics"
}

// authorized reports whether r carries the token, as a bearer token or as
// the session cookie, compared in constant time.
func (s *Server) authorized(r *http.Request) bool {
	if auth := r.Header.Get("Authorization"); auth != "" {
		tok, ok := strings.CutPrefix(auth, "Bearer ")
		return ok && equalSecret(tok, s.cfg.Token)
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		return equalSecret(c.Value, s.session())
	}
	return false
}

// equalSecret compares a secret given with the one expected in constant
// time. The SHA-256 digests are compared, not the strings, because
// subtle.ConstantTimeCompare returns at once for strings of different
// lengths, which would tell the token's length.
func equalSecret(given, want string) bool {
	g, w := sha256.Sum256([]byte(given)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// session is the session cookie's value: an HMAC of the token, so the
// cookie never holds the token itself.
func (s *Server) session() string {
	m := hmac.New(sha256.New, []byte(s.cfg.Token))
	m.Write([]byte("storyline session v1"))
	return hex.EncodeToString(m.Sum(nil))
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login.html", loginData{Needed: s.cfg.Token != ""})
}

type loginData struct {
	Needed bool
	Failed bool
}

// login checks the posted token and sets the session cookie.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil {
		s.render(w, r, http.StatusBadRequest, "login.html", loginData{Needed: true, Failed: true})
		return
	}
	tok := r.PostForm.Get("token")
	if s.cfg.Token == "" || !equalSecret(tok, s.cfg.Token) {
		s.render(w, r, http.StatusUnauthorized, "login.html", loginData{Needed: s.cfg.Token != "", Failed: true})
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: s.session(), Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// nonce returns a fresh random nonce for a page's Content-Security-Policy.
func nonce() string {
	var b [18]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// pageCSP is the policy of every page: nothing from elsewhere, no inline
// style attributes, scripts only with this response's nonce.
func pageCSP(nonce string) string {
	return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'self'; img-src 'self' data:; " +
		"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}
