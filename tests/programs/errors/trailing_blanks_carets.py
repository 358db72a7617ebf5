# Source lines that end in blanks keep their caret lines: CPython strips only the
# indentation when it decides whether the carets would cover the whole line.
def ratio(a, b):
    return a // b    


def run(xs):	
    return ratio(xs[0], xs[1])  	


run([7, 0]) 
