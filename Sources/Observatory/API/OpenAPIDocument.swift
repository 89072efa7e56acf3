/// The OpenAPI 3.1 document of every route (pages and API), kept by hand next to the routes;
/// a test checks that the document and the router list the same paths, and schemathesis in CI
/// checks the answers against it. Served at `/openapi.json`.
enum OpenAPIDocument {
    static let text = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "SocialCreditLab Observatory",
  "version": "1.0.0",
  "description": "Read-only access to simulation runs of a social credit system over synthetic societies: runs, reports, scenarios, the public list, credit reports and decisions. Errors are JSON {\"error\": \"...\"}: 404 for an unknown run, person or action, 400 for a bad parameter."
 },
 "servers": [
  {
   "url": "http://127.0.0.1:8080"
  }
 ],
 "paths": {
  "/": {
   "get": {
    "summary": "Page: every run in the folder with headline figures",
    "operationId": "pageRuns",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    }
   }
  },
  "/style.css": {
   "get": {
    "summary": "The stylesheet",
    "operationId": "stylesheet",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/css": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    }
   }
  },
  "/runs/{run}": {
   "get": {
    "summary": "Page: a run's impact report",
    "operationId": "pageRun",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "404": {
      "description": "No such run or person.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "503": {
      "description": "The run cannot be read.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     }
    ]
   }
  },
  "/runs/{run}/scenario": {
   "get": {
    "summary": "Page: the scenario's rules as tables",
    "operationId": "pageScenario",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "404": {
      "description": "No such run or person.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "503": {
      "description": "The run cannot be read.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     }
    ]
   }
  },
  "/runs/{run}/public-list": {
   "get": {
    "summary": "Page: the public list, searchable and paginated",
    "operationId": "pagePublicList",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is malformed or out of range.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "404": {
      "description": "No such run or person.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "503": {
      "description": "The run cannot be read.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     },
     {
      "name": "q",
      "in": "query",
      "description": "Name (Han characters or pinyin, any part) or identity number.",
      "schema": {
       "type": "string",
       "maxLength": 100
      }
     },
     {
      "name": "list",
      "in": "query",
      "description": "Only this published list (its id).",
      "schema": {
       "type": "string",
       "maxLength": 100
      }
     },
     {
      "name": "from",
      "in": "query",
      "description": "Listed on or after (YYYY-MM-DD); blank (as a form sends an empty date field) for no bound.",
      "schema": {
       "anyOf": [
        {
         "type": "string",
         "format": "date"
        },
        {
         "type": "string",
         "maxLength": 0
        }
       ]
      }
     },
     {
      "name": "to",
      "in": "query",
      "description": "Listed on or before (YYYY-MM-DD); blank for no bound.",
      "schema": {
       "anyOf": [
        {
         "type": "string",
         "format": "date"
        },
        {
         "type": "string",
         "maxLength": 0
        }
       ]
      }
     },
     {
      "name": "page",
      "in": "query",
      "description": "Page, from 1.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100000
      }
     },
     {
      "name": "per_page",
      "in": "query",
      "description": "Entries per page, 1 to 100 (default 25).",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100
      }
     }
    ]
   }
  },
  "/runs/{run}/people/{person}": {
   "get": {
    "summary": "Page: a person's credit report",
    "operationId": "pagePerson",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is malformed or out of range.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "404": {
      "description": "No such run or person.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "503": {
      "description": "The run cannot be read.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     },
     {
      "name": "person",
      "in": "path",
      "required": true,
      "description": "A person's index in the society (0 to population - 1).",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 999999999999
      }
     }
    ]
   }
  },
  "/runs/{run}/try": {
   "get": {
    "summary": "Page: try an action as a traced person",
    "operationId": "pageTry",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is malformed or out of range.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "404": {
      "description": "No such run or person.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "503": {
      "description": "The run cannot be read.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     },
     {
      "name": "person",
      "in": "query",
      "description": "A traced person's index.",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 2147483647
      }
     },
     {
      "name": "action",
      "in": "query",
      "description": "An action id of the scenario.",
      "schema": {
       "type": "string",
       "maxLength": 100
      }
     }
    ]
   }
  },
  "/openapi.json": {
   "get": {
    "summary": "This document",
    "operationId": "openapi",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/runs": {
   "get": {
    "summary": "Every run in the folder with headline figures",
    "operationId": "listRuns",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RunList"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/runs/{run}": {
   "get": {
    "summary": "A run's headline figures",
    "operationId": "getRun",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RunOverview"
        }
       }
      }
     },
     "404": {
      "description": "No such run, person or action.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "The run is listed but cannot be read (damaged, or a newer schema).",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     }
    ]
   }
  },
  "/api/runs/{run}/report": {
   "get": {
    "summary": "A run's impact report as data (sections of paragraphs, tables and charts)",
    "operationId": "getReport",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Report"
        }
       }
      }
     },
     "404": {
      "description": "No such run, person or action.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "The run is listed but cannot be read (damaged, or a newer schema).",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     }
    ]
   }
  },
  "/api/runs/{run}/scenario": {
   "get": {
    "summary": "The scenario's rules as tables, its actions and its published lists",
    "operationId": "getScenario",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ScenarioView"
        }
       }
      }
     },
     "404": {
      "description": "No such run, person or action.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "The run is listed but cannot be read (damaged, or a newer schema).",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     }
    ]
   }
  },
  "/api/runs/{run}/public-list": {
   "get": {
    "summary": "The public list (M13): search by name or identity number, filter by list and date, paginated",
    "operationId": "getPublicList",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PublicListPage"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is malformed or out of range; the message says which and why.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "No such run, person or action.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "The run is listed but cannot be read (damaged, or a newer schema).",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     },
     {
      "name": "q",
      "in": "query",
      "description": "Name (Han characters or pinyin, any part) or identity number.",
      "schema": {
       "type": "string",
       "maxLength": 100
      }
     },
     {
      "name": "list",
      "in": "query",
      "description": "Only this published list (its id).",
      "schema": {
       "type": "string",
       "maxLength": 100
      }
     },
     {
      "name": "from",
      "in": "query",
      "description": "Listed on or after (YYYY-MM-DD); blank (as a form sends an empty date field) for no bound.",
      "schema": {
       "anyOf": [
        {
         "type": "string",
         "format": "date"
        },
        {
         "type": "string",
         "maxLength": 0
        }
       ]
      }
     },
     {
      "name": "to",
      "in": "query",
      "description": "Listed on or before (YYYY-MM-DD); blank for no bound.",
      "schema": {
       "anyOf": [
        {
         "type": "string",
         "format": "date"
        },
        {
         "type": "string",
         "maxLength": 0
        }
       ]
      }
     },
     {
      "name": "page",
      "in": "query",
      "description": "Page, from 1.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100000
      }
     },
     {
      "name": "per_page",
      "in": "query",
      "description": "Entries per page, 1 to 100 (default 25).",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100
      }
     }
    ]
   }
  },
  "/api/runs/{run}/people": {
   "get": {
    "summary": "The traced people (whose full records are kept), paginated",
    "operationId": "listPeople",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PeoplePage"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is malformed or out of range; the message says which and why.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "No such run, person or action.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "The run is listed but cannot be read (damaged, or a newer schema).",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     },
     {
      "name": "page",
      "in": "query",
      "description": "Page, from 1.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100000
      }
     },
     {
      "name": "per_page",
      "in": "query",
      "description": "Entries per page, 1 to 100 (default 25).",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100
      }
     }
    ]
   }
  },
  "/api/runs/{run}/people/{person}": {
   "get": {
    "summary": "A person's credit report with the chain of reasons",
    "operationId": "getPerson",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CreditReport"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is malformed or out of range; the message says which and why.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "No such run, person or action.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "The run is listed but cannot be read (damaged, or a newer schema).",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     },
     {
      "name": "person",
      "in": "path",
      "required": true,
      "description": "A person's index in the society (0 to population - 1).",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 999999999999
      }
     }
    ]
   }
  },
  "/api/runs/{run}/people/{person}/decisions/{action}": {
   "get": {
    "summary": "The decision engine's answer to a traced person trying an action, with the chain of reasons",
    "operationId": "getDecision",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Decision"
        }
       }
      }
     },
     "400": {
      "description": "A parameter is malformed or out of range; the message says which and why.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "No such run, person or action.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "The run is listed but cannot be read (damaged, or a newer schema).",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "405": {
      "description": "Only GET and HEAD are served.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "run",
      "in": "path",
      "required": true,
      "description": "A run folder's name, as listed by /api/runs.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"
      }
     },
     {
      "name": "person",
      "in": "path",
      "required": true,
      "description": "A person's index in the society (0 to population - 1).",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 999999999999
      }
     },
     {
      "name": "action",
      "in": "path",
      "required": true,
      "description": "An action id of the scenario, e.g. buy_flight.",
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_.-]{1,100}$"
      }
     }
    ]
   }
  }
 },
 "components": {
  "schemas": {
   "Error": {
    "type": "object",
    "properties": {
     "error": {
      "type": "string"
     }
    },
    "required": [
     "error"
    ],
    "additionalProperties": false
   },
   "RunOverview": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "scenario": {
      "type": "string"
     },
     "scenarioName": {
      "type": "string"
     },
     "population": {
      "type": "integer"
     },
     "seed": {
      "type": "string"
     },
     "start": {
      "type": "string"
     },
     "end": {
      "type": "string"
     },
     "finished": {
      "type": "boolean"
     },
     "daysDone": {
      "type": "integer"
     },
     "digest": {
      "type": "string"
     },
     "records": {
      "type": "integer"
     },
     "falseRecords": {
      "type": "integer"
     },
     "blocked": {
      "type": "integer"
     },
     "wronglyBlocked": {
      "type": "integer"
     },
     "rewards": {
      "type": "integer"
     },
     "listEntries": {
      "type": "integer"
     },
     "traced": {
      "type": "integer"
     },
     "error": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "scenario",
     "scenarioName",
     "population",
     "seed",
     "start",
     "end",
     "finished",
     "daysDone",
     "records",
     "falseRecords",
     "blocked",
     "wronglyBlocked",
     "rewards",
     "listEntries",
     "traced"
    ],
    "additionalProperties": false
   },
   "RunList": {
    "type": "object",
    "properties": {
     "runs": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/RunOverview"
      }
     }
    },
    "required": [
     "runs"
    ],
    "additionalProperties": false
   },
   "Section": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "blocks": {
      "type": "array",
      "items": {
       "type": "object",
       "description": "one of paragraph, table, chart, code, list (Swift's enum coding: {\"paragraph\": {\"_0\": ...}})"
      }
     }
    },
    "required": [
     "id",
     "title",
     "blocks"
    ],
    "additionalProperties": false
   },
   "Report": {
    "type": "object",
    "properties": {
     "title": {
      "type": "string"
     },
     "subtitle": {
      "type": "string"
     },
     "sections": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Section"
      }
     }
    },
    "required": [
     "title",
     "subtitle",
     "sections"
    ],
    "additionalProperties": false
   },
   "Choice": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "label": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "label"
    ],
    "additionalProperties": false
   },
   "ScenarioView": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "summary": {
      "type": "string"
     },
     "tables": {
      "$ref": "#/components/schemas/Section"
     },
     "actions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Choice"
      }
     },
     "publishedLists": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Choice"
      }
     }
    },
    "required": [
     "id",
     "name",
     "summary",
     "tables",
     "actions",
     "publishedLists"
    ],
    "additionalProperties": false
   },
   "PublicEntry": {
    "type": "object",
    "properties": {
     "subjectKind": {
      "type": "string",
      "enum": [
       "people",
       "companies"
      ]
     },
     "subject": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "pinyin": {
      "type": "string"
     },
     "identity": {
      "type": "string"
     },
     "list": {
      "type": "string"
     },
     "listLabel": {
      "type": "string"
     },
     "listKind": {
      "type": "string",
      "enum": [
       "black",
       "red"
      ]
     },
     "reason": {
      "type": "string"
     },
     "rule": {
      "type": "string"
     },
     "date": {
      "type": "string",
      "format": "date"
     },
     "until": {
      "type": "string",
      "format": "date"
     },
     "authority": {
      "type": "string"
     },
     "falseRecord": {
      "type": "boolean"
     }
    },
    "required": [
     "subjectKind",
     "subject",
     "name",
     "pinyin",
     "identity",
     "list",
     "listLabel",
     "listKind",
     "reason",
     "authority",
     "falseRecord"
    ],
    "additionalProperties": false
   },
   "PublicListPage": {
    "type": "object",
    "properties": {
     "run": {
      "type": "string"
     },
     "day": {
      "type": "string"
     },
     "total": {
      "type": "integer"
     },
     "page": {
      "type": "integer"
     },
     "perPage": {
      "type": "integer"
     },
     "pages": {
      "type": "integer"
     },
     "entries": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PublicEntry"
      }
     }
    },
    "required": [
     "run",
     "day",
     "total",
     "page",
     "perPage",
     "pages",
     "entries"
    ],
    "additionalProperties": false
   },
   "PersonLine": {
    "type": "object",
    "properties": {
     "person": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "pinyin": {
      "type": "string"
     },
     "score": {
      "type": "integer"
     },
     "tier": {
      "type": "string"
     },
     "lists": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "person",
     "name",
     "pinyin",
     "lists"
    ],
    "additionalProperties": false
   },
   "PeoplePage": {
    "type": "object",
    "properties": {
     "run": {
      "type": "string"
     },
     "total": {
      "type": "integer"
     },
     "page": {
      "type": "integer"
     },
     "perPage": {
      "type": "integer"
     },
     "people": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PersonLine"
      }
     }
    },
    "required": [
     "run",
     "total",
     "page",
     "perPage",
     "people"
    ],
    "additionalProperties": false
   },
   "Because": {
    "type": "object",
    "properties": {
     "lists": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "tier": {
      "type": "string"
     },
     "score": {
      "type": "integer"
     },
     "records": {
      "type": "array",
      "items": {
       "type": "integer"
      }
     },
     "rules": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "lists",
     "records",
     "rules"
    ],
    "additionalProperties": false
   },
   "CreditReport": {
    "type": "object",
    "properties": {
     "run": {
      "$ref": "#/components/schemas/RunLine"
     },
     "person": {
      "type": "integer"
     },
     "traced": {
      "type": "boolean"
     },
     "attributes": {
      "$ref": "#/components/schemas/PersonAttributes"
     },
     "final": {
      "$ref": "#/components/schemas/FinalState"
     },
     "engine": {
      "$ref": "#/components/schemas/EngineView"
     },
     "scoreHistory": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ScorePoint"
      }
     },
     "records": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/RecordLine"
      }
     },
     "lists": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ListStay"
      }
     },
     "circle": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Relation"
      }
     },
     "notTraced": {
      "type": "string"
     }
    },
    "required": [
     "run",
     "person",
     "traced",
     "attributes",
     "scoreHistory",
     "records",
     "lists",
     "circle"
    ],
    "additionalProperties": false,
    "description": "The same report as `sclab explain --json`: the run, who the person is, the stored final state, the decision engine's standing from the traced records (with notices, the ringtone warning, measures and decisions and their reasons), score history, every rule's judgement of every record with its appeal, list stays, and family, friends and employer. The identity number's date of birth is hidden, and `run.directory` is the run's id (its folder's name in the served runs folder)."
   },
   "RunLine": {
    "type": "object",
    "properties": {
     "directory": {
      "type": "string"
     },
     "scenario": {
      "type": "string"
     },
     "population": {
      "type": "integer"
     },
     "seed": {
      "type": "string"
     },
     "start": {
      "type": "string"
     },
     "end": {
      "type": "string"
     },
     "finished": {
      "type": "boolean"
     },
     "digest": {
      "type": "string"
     },
     "traceEvery": {
      "type": "integer"
     }
    },
    "required": [
     "directory",
     "scenario",
     "population",
     "seed",
     "start",
     "end",
     "finished",
     "traceEvery"
    ],
    "additionalProperties": false
   },
   "PersonAttributes": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string"
     },
     "identityNumber": {
      "type": "string"
     },
     "sex": {
      "type": "string",
      "enum": [
       "male",
       "female"
      ]
     },
     "born": {
      "type": "string"
     },
     "ageAtStart": {
      "type": "integer"
     },
     "province": {
      "type": "string"
     },
     "urban": {
      "type": "boolean"
     },
     "education": {
      "type": "string"
     },
     "householdIncome": {
      "type": "number"
     },
     "incomeQuintile": {
      "type": "integer"
     },
     "driver": {
      "type": "boolean"
     },
     "internetUser": {
      "type": "boolean"
     },
     "employer": {
      "type": "integer"
     }
    },
    "required": [
     "name",
     "identityNumber",
     "sex",
     "born",
     "ageAtStart",
     "province",
     "urban",
     "education",
     "householdIncome",
     "incomeQuintile",
     "driver",
     "internetUser"
    ],
    "additionalProperties": false
   },
   "FinalState": {
    "type": "object",
    "properties": {
     "score": {
      "type": "integer"
     },
     "tier": {
      "type": "string"
     },
     "lists": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "everListed": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "falseLists": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "records": {
      "type": "integer"
     },
     "falseRecords": {
      "type": "integer"
     },
     "blocked": {
      "type": "integer"
     },
     "rewarded": {
      "type": "integer"
     },
     "spilloverPoints": {
      "type": "integer"
     },
     "spilloverCeiling": {
      "type": "string"
     },
     "spillovers": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "lists",
     "everListed",
     "falseLists",
     "records",
     "falseRecords",
     "blocked",
     "rewarded",
     "spilloverPoints",
     "spillovers"
    ],
    "additionalProperties": false
   },
   "EngineView": {
    "type": "object",
    "properties": {
     "score": {
      "type": "integer"
     },
     "tier": {
      "type": "string"
     },
     "agrees": {
      "type": "boolean"
     },
     "note": {
      "type": "string"
     },
     "measures": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "decisions": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "notices": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "ringtoneWarning": {
      "type": "string"
     },
     "explanation": {
      "type": "string"
     }
    },
    "required": [
     "agrees",
     "measures",
     "decisions",
     "notices",
     "explanation"
    ],
    "additionalProperties": false
   },
   "ScorePoint": {
    "type": "object",
    "properties": {
     "month": {
      "type": "string"
     },
     "score": {
      "type": "integer"
     },
     "tier": {
      "type": "string"
     }
    },
    "required": [
     "month"
    ],
    "additionalProperties": false
   },
   "RecordLine": {
    "type": "object",
    "properties": {
     "record": {
      "type": "integer"
     },
     "behavior": {
      "type": "string"
     },
     "source": {
      "type": "string"
     },
     "occurred": {
      "type": "string"
     },
     "recorded": {
      "type": "string"
     },
     "rule": {
      "type": "string"
     },
     "delta": {
      "type": "integer"
     },
     "status": {
      "type": "string"
     },
     "misattributed": {
      "type": "boolean"
     },
     "actualSubject": {
      "type": "integer"
     },
     "listed": {
      "type": "string"
     },
     "appealFiled": {
      "type": "string"
     },
     "appealDecided": {
      "type": "string"
     },
     "appealOutcome": {
      "type": "string",
      "enum": [
       "upheld",
       "overturned"
      ]
     }
    },
    "required": [
     "record",
     "behavior",
     "source",
     "occurred",
     "recorded",
     "delta",
     "status",
     "misattributed"
    ],
    "additionalProperties": false
   },
   "ListStay": {
    "type": "object",
    "properties": {
     "list": {
      "type": "string"
     },
     "since": {
      "type": "string"
     },
     "until": {
      "type": "string"
     },
     "ending": {
      "type": "string",
      "enum": [
       "open",
       "term",
       "repaired",
       "overturned"
      ]
     },
     "record": {
      "type": "integer"
     },
     "rule": {
      "type": "string"
     },
     "falseRecord": {
      "type": "boolean"
     },
     "atEnd": {
      "type": "boolean"
     },
     "extendedDays": {
      "type": "integer"
     }
    },
    "required": [
     "list",
     "ending",
     "atEnd",
     "extendedDays"
    ],
    "additionalProperties": false
   },
   "Relation": {
    "type": "object",
    "properties": {
     "role": {
      "type": "string",
      "enum": [
       "mother",
       "father",
       "spouse",
       "child",
       "friend",
       "employer"
      ]
     },
     "id": {
      "type": "integer"
     },
     "traced": {
      "type": "boolean"
     },
     "state": {
      "type": "string"
     },
     "reaches": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "role",
     "id",
     "traced",
     "reaches"
    ],
    "additionalProperties": false
   },
   "Reason": {
    "type": "object",
    "properties": {
     "origin": {
      "type": "string",
      "enum": [
       "measure",
       "spillover"
      ]
     },
     "id": {
      "type": "string"
     },
     "label": {
      "type": "string"
     },
     "via": {
      "type": "string"
     },
     "through": {
      "type": "array",
      "items": {
       "type": "integer"
      }
     },
     "benefit": {
      "type": "number"
     },
     "unit": {
      "type": "string"
     },
     "because": {
      "$ref": "#/components/schemas/Because"
     }
    },
    "required": [
     "origin",
     "id",
     "label",
     "through",
     "because"
    ],
    "additionalProperties": false
   },
   "Decision": {
    "type": "object",
    "properties": {
     "run": {
      "type": "string"
     },
     "person": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "action": {
      "type": "string"
     },
     "actionLabel": {
      "type": "string"
     },
     "day": {
      "type": "string"
     },
     "allowed": {
      "type": "boolean"
     },
     "blocks": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Reason"
      }
     },
     "rewards": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Reason"
      }
     },
     "score": {
      "type": "integer"
     },
     "tier": {
      "type": "string"
     },
     "explanation": {
      "type": "string"
     },
     "caveats": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "run",
     "person",
     "name",
     "action",
     "actionLabel",
     "day",
     "allowed",
     "blocks",
     "rewards",
     "explanation",
     "caveats"
    ],
    "additionalProperties": false
   }
  }
 }
}

"""#
}
