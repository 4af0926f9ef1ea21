package server

import "net/http"

// route is one pattern of the mux.
type route struct {
	method, path string
	// api marks the routes the OpenAPI document describes.
	api     bool
	handler http.HandlerFunc
}

// routeTable lists every route the server answers, in one place; routes
// registers them and the OpenAPI test compares them with the document.
func (s *Server) routeTable() []route {
	return []route{
		{"GET", "/api/stories", true, s.listStories},
		{"GET", "/api/stories/{id}", true, s.getStoryBrief},
		{"GET", "/api/articles/{id}", true, s.getArticle},
		{"POST", "/api/articles", true, s.postArticles},
		{"GET", "/api/search", true, s.search},
		{"GET", "/api/feeds", true, s.listFeeds},
		{"POST", "/api/feeds", true, s.addFeed},
		{"DELETE", "/api/feeds", true, s.removeFeed},
		{"GET", "/api/openapi.json", true, s.openAPI},
		{"GET", "/healthz", true, s.healthz},
		{"GET", "/readyz", true, s.readyz},
		{"GET", "/metrics", true, s.serveMetrics},

		{"GET", "/{$}", false, s.storyListPage},
		{"GET", "/stories/{id}", false, s.storyPage},
		{"GET", "/articles/{id}", false, s.articlePage},
		{"GET", "/login", false, s.loginPage},
		{"POST", "/login", false, s.login},
		{"GET", "/static/", false, s.static},
	}
}

func (s *Server) routes() {
	for _, rt := range s.routeTable() {
		s.mux.HandleFunc(rt.method+" "+rt.path, rt.handler)
	}
	// Anything else under /api/ is a JSON 404 rather than the mux's text.
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errorf(http.StatusNotFound, "server: no route %s %s", r.Method, r.URL.Path))
	})
}
